/*
 * lwAFTR data plane (RFC 7596) for Tofino 2: T2NA, compiled by the open Tofino back end
 * (p4c-barefoot --target tofino2 --arch t2na; scripts/tofino-report.sh). The logic is
 * pipeline.p4's, shared through p4/include/; p4/include/tofino.p4 is the Tofino glue.
 */
#include <core.p4>
#include <t2na.p4>

/* Tofino 2's PCIe CPU port is port 0 of pipe 0; override with -DLWAFTR_CPU_PORT=N. The controller
 * learns the value from the P4Info (Port_t.CPU). */
#ifndef LWAFTR_CPU_PORT
#define LWAFTR_CPU_PORT 0
#endif
/* Port metadata that the ingress parser skips (PORT_METADATA_SIZE, as a preprocessor number). */
#define PORT_METADATA_SIZE_BITS 192

#include "../include/tofino.p4"
