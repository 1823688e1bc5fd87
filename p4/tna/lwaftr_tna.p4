/*
 * lwAFTR data plane (RFC 7596) for Tofino: TNA, compiled by the open Tofino back end
 * (p4c-barefoot --target tofino --arch tna; scripts/tofino-report.sh). The logic is pipeline.p4's,
 * shared through p4/include/; p4/include/tofino.p4 is the Tofino glue.
 */
#include <core.p4>
#include <tna.p4>

/* The PCIe CPU port: 192 on 2-pipe Tofinos (and chosen here), 320 on 4-pipe ones and the Tofino
 * model; override with -DLWAFTR_CPU_PORT=320. The controller learns the value from the P4Info
 * (Port_t.CPU). */
#ifndef LWAFTR_CPU_PORT
#define LWAFTR_CPU_PORT 192
#endif
/* Port metadata that the ingress parser skips (PORT_METADATA_SIZE, as a preprocessor number). */
#define PORT_METADATA_SIZE_BITS 64

#include "../include/tofino.p4"
