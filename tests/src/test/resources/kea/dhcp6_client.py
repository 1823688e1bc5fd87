"""A DHCPv6 client exchange for the Kea provisioning test (Debian's /usr/bin/python3 with scapy).

usage: dhcp6_client.py IFACE DUID
Sends one Solicit (RFC 8415 §18.2.1) from IFACE's link-local address with the client's DUID
(colon-separated hex octets) and an Option Request for OPTION_S46_CONT_LW (96, RFC 7598 §5.3),
waits up to 5 s for the Advertise and prints each top-level option as "option CODE HEX".
Exit status 1 if nothing answered.
"""
import sys
import time

from scapy.all import AsyncSniffer, Ether, IPv6, UDP, conf, get_if_hwaddr, in6_getifaddr, sendp
from scapy.layers.dhcp6 import (DHCP6OptClientId, DHCP6OptElapsedTime, DHCP6OptIA_NA, DHCP6OptOptReq,
                                DHCP6_Solicit, DUID_LL)

conf.verb = 0
iface, duid_text = sys.argv[1], sys.argv[2]
duid = bytes.fromhex(duid_text.replace(':', ''))
if duid[:2] != b'\x00\x03':
    sys.exit('only DUID-LL (type 3) is sent by this test client')
client_id = DUID_LL(hwtype=int.from_bytes(duid[2:4], 'big'), lladdr=':'.join('%02x' % b for b in duid[4:]))
link_local = [a for a, _, i in in6_getifaddr() if i == iface and a.startswith('fe80')][0]
solicit = (Ether(src=get_if_hwaddr(iface), dst='33:33:00:01:00:02')
           / IPv6(src=link_local, dst='ff02::1:2') / UDP(sport=546, dport=547)
           / DHCP6_Solicit(trid=0x4c3b) / DHCP6OptClientId(duid=client_id) / DHCP6OptElapsedTime()
           / DHCP6OptIA_NA(iaid=1) / DHCP6OptOptReq(reqopts=[96]))
sniffer = AsyncSniffer(iface=iface, filter='udp and dst port 546', count=1, timeout=5)
sniffer.start()
time.sleep(0.3)
sendp(solicit, iface=iface)
sniffer.join()
if not sniffer.results:
    print('no answer')
    sys.exit(1)
message = bytes(sniffer.results[0][UDP].payload)
print('message', message[0])
i = 4  # msg-type (1 octet) and transaction-id (3)
while i + 4 <= len(message):
    code = int.from_bytes(message[i:i + 2], 'big')
    length = int.from_bytes(message[i + 2:i + 4], 'big')
    print('option', code, message[i + 4:i + 4 + length].hex())
    i += 4 + length
