#!/usr/bin/python3
"""Mininet topology for the lwAFTR: lwB4s (CPEs) -> IPv6 router -> bmv2 AFTR -> Internet host.

    lwB4 1 ─┐
    lwB4 2 ─┼─ r6 (IPv6 router) ── port 1 [ s1: simple_switch_grpc ] port 2 ── inet (IPv4 host)
    lwB4 N ─┘

Each lwB4 is configured the way a real lw4o6 CPE is (RFC 7596 §5): a kernel ip6tnl tunnel in
mode ipip6 from its IPv6 address to the BR address, its public IPv4 address on the tunnel, the
IPv4 default route into the tunnel, and SNAT of TCP, UDP and ICMP into its RFC 7597 port set.

The script writes the netcfg JSON (docs/netcfg.md) and the RFC 8676 binding table that match the
topology, and hands the switch to ONOS (REST) or to the lab controller (scripts/lab.sh).

    sudo /usr/bin/python3 lab/mininet/lwaftr_topo.py --controller onos --onos-ip 10.0.0.5
    /usr/bin/python3 lab/mininet/lwaftr_topo.py --dry-run --lwb4s 4 --psid-len 6

--dry-run prints every command and both JSON documents, without root or Mininet.
Python 3 standard library only (plus Debian's mininet package for a real run).
"""

import argparse
import ipaddress
import json
import os
import shlex
import socket
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, '..', '..'))
# The CPU port is defined once, by pipeline.p4 through the pipeconf's generated resources.
CPU_PORT_FILE = os.path.join(REPO, 'pipeconf', 'src', 'main', 'resources', 'lwaftr.cpu_port.txt')

PIPECONF_ID = 'org.lwaftr.pipeconf.lwaftr'
APP_ID = 'org.lwaftr.app'
PORTS = 1 << 16
LAST_SYSTEM_PORT = 1023

# Addressing plan (documentation prefixes, RFC 3849 / RFC 5737).
BR_ADDR = '2001:db8:ffff::1'            # the BR address every softwire names
AFTR_V6 = '2001:db8:fffe::fe'           # the AFTR on the router link (NDP target)
ROUTER_UPLINK_V6 = '2001:db8:fffe::1'   # the router on that link
AFTR_V4 = '203.0.113.254'               # the AFTR on the Internet link
INET_V4 = '203.0.113.1'                 # the Internet host
PUBLIC_NET = ipaddress.IPv4Network('192.0.2.0/24')  # lwB4 public addresses, shared by port set
PUBLIC_POOL = PUBLIC_NET[1]
AFTR_MAC_LWB4 = '02:aa:00:00:00:01'
AFTR_MAC_INET = '02:aa:00:00:00:02'
ROUTER_MAC = '02:bb:00:00:00:01'        # the AFTR's one next hop on the lwB4 side
INET_MAC = '02:bb:00:00:00:02'          # its next hop on the Internet side
SWITCH_PORT_LWB4 = 1
SWITCH_PORT_INET = 2
TUNNEL = 'lw4o6'
TUNNEL_MTU = 1460                       # softwire-payload-mtu (docs/netcfg.md default)


def cpu_port(path=CPU_PORT_FILE):
    """The CPU port of pipeline.p4 (the single source, written by the pipeconf build)."""
    with open(path) as f:
        return int(f.read().strip())


# ---------------------------------------------------------------- RFC 7597 §5.1 port sets

def port_ranges(offset, length, psid):
    """Inclusive (first, last) port ranges of port set (a=offset, k=length, psid).

    RFC 7597 §5.1: port = i * 2^(16-a) + psid * 2^m + j, m = 16 - a - k, j in 0..2^m-1, and
    i from 1 when a > 0 (i = 0 would be ports 0..2^(16-a)-1, which the RFC excludes).
    One range per value of i, ascending: the same as Java's PortSet.ranges().
    """
    if not 0 <= offset <= 16 or not 0 <= length <= 16 - offset:
        raise ValueError('psid-offset %d / psid-len %d: need 0 <= a, 0 <= k, a + k <= 16'
                         % (offset, length))
    if length == 0 and offset != 0:
        # As Java's PortSet.of: a whole address has no offset.
        raise ValueError('psid-offset %d must be 0 when psid-len is 0 (the whole address)' % offset)
    if not 0 <= psid < (1 << length):
        raise ValueError('psid %d is outside 0..%d for psid-len %d' % (psid, (1 << length) - 1, length))
    if length == 0:
        return [(0, PORTS - 1)]
    m = 16 - offset - length
    block = 1 << (16 - offset)
    first_i = 1 if offset > 0 else 0
    return [(i * block + (psid << m), i * block + (psid << m) + (1 << m) - 1)
            for i in range(first_i, 1 << offset)]


def has_system_ports(ranges):
    return ranges[0][0] <= LAST_SYSTEM_PORT


def snat_rules(ipv4, ranges, out_dev=TUNNEL):
    """iptables commands that SNAT TCP, UDP and ICMP leaving out_dev into the port set.

    One rule per range and protocol, as OpenWrt's map package does for lw4o6/MAP-E: netifd's
    map.sh emits a firewall "nat" section per port range and protocol (icmp, tcp, udp) with
    target SNAT, snat_ip, snat_port=<range> and connlimit_ports=1; firewall3 turns
    connlimit_ports into "-m connlimit --connlimit-daddr --connlimit-upto <ports in the range>".
    A range thus takes new connections (per destination address) until it holds as many as it
    has ports, then the next rule's range does. For ICMP the kernel maps the echo identifier
    into the range, which is how the AFTR finds the softwire of an ICMP echo (RFC 7596 §8.1).
    """
    cmds = []
    for first, last in ranges:
        size = last - first + 1
        for proto in ('tcp', 'udp', 'icmp'):
            cmds.append('iptables -t nat -A POSTROUTING -o %s -p %s -m connlimit --connlimit-daddr '
                        '--connlimit-upto %d -j SNAT --to-source %s:%d-%d'
                        % (out_dev, proto, size, ipv4, first, last))
    return cmds


# ---------------------------------------------------------------- the plan

class Lwb4(object):
    """One lwB4: its link to the router, its tunnel source and its softwire."""

    def __init__(self, index, ipv4, psid, offset, length):
        self.name = 'b4h%d' % (index + 1)
        self.index = index
        net = ipaddress.IPv6Network('2001:db8:1:%x::/64' % (index + 1))
        self.router_addr = str(net[1])
        self.addr = str(net[2])           # the tunnel source: the softwire's lwB4 address
        self.ipv4 = str(ipv4)
        self.psid = psid
        self.offset = offset
        self.length = length
        self.ranges = port_ranges(offset, length, psid)


def plan_lwb4s(count, offset, length):
    """Spreads count lwB4s over public addresses, 2^k port sets per address.

    Port sets that hold system ports (0..1023) are skipped, as the AFTR refuses them by default
    (allow-system-ports, RFC 7596 §5.1); with k = 0 each lwB4 gets a whole address.
    """
    if length == 0:
        offset = 0  # a whole address per lwB4: the offset means nothing
    usable = [p for p in range(1 << length) if length == 0 or not has_system_ports(port_ranges(offset, length, p))]
    if not usable:
        raise ValueError('psid-offset %d / psid-len %d leaves no port set without system ports'
                         % (offset, length))
    addresses = -(-count // len(usable))
    if addresses > PUBLIC_NET.num_addresses - 2:
        raise ValueError('%d lwB4s need %d public addresses; %s holds %d (raise --psid-len)'
                         % (count, addresses, PUBLIC_NET, PUBLIC_NET.num_addresses - 2))
    out = []
    for i in range(count):
        ipv4 = PUBLIC_POOL + i // len(usable)
        out.append(Lwb4(i, ipv4, usable[i % len(usable)], offset, length))
    return out


def binding_table(lwb4s):
    """The RFC 8676 binding table of the topology (docs/formats.md)."""
    return {'binding-table': {'binding-entry': [
        {'binding-ipv6info': b.addr,
         'binding-ipv4-addr': b.ipv4,
         'port-set': {'psid-offset': b.offset, 'psid-len': b.length, 'psid': b.psid},
         'br-ipv6-addr': BR_ADDR} for b in lwb4s]}}


def device_id(opts):
    return 'device:bmv2:%s' % opts.switch_name


def netcfg(opts, lwb4s):
    """The netcfg of docs/netcfg.md for this topology; with ONOS, the device's basic config too."""
    device = {'lwaftr': {
        'lwb4-side': {'port': SWITCH_PORT_LWB4, 'vlan': 0,
                      'aftr-mac': AFTR_MAC_LWB4, 'next-hop-mac': ROUTER_MAC},
        'internet-side': {'port': SWITCH_PORT_INET, 'vlan': 0,
                          'aftr-mac': AFTR_MAC_INET, 'next-hop-mac': INET_MAC},
        'aftr-ipv4-addrs': [AFTR_V4],
        'aftr-ipv6-addrs': [AFTR_V6],
        'br-ipv6-addrs': [BR_ADDR]}}
    if opts.controller == 'onos':
        device['basic'] = {
            'managementAddress': 'grpc://%s:%d?device_id=%d' % (opts.switch_ip, opts.grpc_port, opts.device_id),
            'driver': 'bmv2',
            'pipeconf': PIPECONF_ID}
    return {'devices': {device_id(opts): device},
            'apps': {APP_ID: {'lwaftr': {'enable-hairpinning': True,
                                         'softwire-payload-mtu': TUNNEL_MTU}}}}


def host_commands(lwb4s):
    """Per node, the shell commands that configure it (run in its namespace)."""
    cmds = {}
    noipv6dad = 'sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0'
    router = [noipv6dad, 'sysctl -qw net.ipv6.conf.all.disable_ipv6=0',
              'sysctl -qw net.ipv6.conf.all.forwarding=1',
              'ip -6 addr add %s/64 dev r6-eth0 nodad' % ROUTER_UPLINK_V6,
              # The AFTR answers NDP only through its controller's slow path; a static entry
              # keeps the lab independent of it.
              'ip -6 neigh replace %s lladdr %s dev r6-eth0 nud permanent' % (AFTR_V6, AFTR_MAC_LWB4),
              'ip -6 route add %s/128 via %s dev r6-eth0' % (BR_ADDR, AFTR_V6)]
    for b in lwb4s:
        dev = 'r6-eth%d' % (b.index + 1)
        router.append('ip -6 addr add %s/64 dev %s nodad' % (b.router_addr, dev))
        host = [noipv6dad, 'sysctl -qw net.ipv6.conf.all.disable_ipv6=0',
                'ip -4 addr flush dev %s-eth0' % b.name,
                'ip -6 addr add %s/64 dev %s-eth0 nodad' % (b.addr, b.name),
                'ip -6 route add default via %s dev %s-eth0' % (b.router_addr, b.name),
                # RFC 7596 §5: IPv4-in-IPv6 softwire to the BR; no encapsulation limit option,
                # which the AFTR (like Snabb's) would not expect after the IPv6 header.
                'ip -6 tunnel add %s mode ipip6 local %s remote %s encaplimit none dev %s-eth0'
                % (TUNNEL, b.addr, BR_ADDR, b.name),
                'ip link set %s mtu %d up' % (TUNNEL, TUNNEL_MTU),
                'ip -4 addr add %s/32 dev %s' % (b.ipv4, TUNNEL),
                'ip -4 route add default dev %s' % TUNNEL]
        host += snat_rules(b.ipv4, b.ranges)
        cmds[b.name] = host
    cmds['r6'] = router
    cmds['inet'] = ['ip -4 addr flush dev inet-eth0',
                    'ip -4 addr add %s/24 dev inet-eth0' % INET_V4,
                    'ip neigh replace %s lladdr %s dev inet-eth0 nud permanent' % (AFTR_V4, AFTR_MAC_INET),
                    'ip -4 route add %s via %s' % (PUBLIC_NET, AFTR_V4)]
    return cmds


def handoff_commands(opts, netcfg_path, table_path):
    """The commands that give the running switch to its controller."""
    if opts.controller == 'onos':
        base = 'http://%s:8181' % opts.onos_ip
        auth = '-u onos:rocks'
        return ['curl -sSf %s -X POST -H "Content-Type: application/json" --data-binary @%s %s/onos/v1/network/configuration'
                % (auth, netcfg_path, base),
                'curl -sSf %s -X PUT -H "Content-Type: application/json" --data-binary @%s %s/onos/lwaftr/binding-table'
                % (auth, table_path, base)]
    # The lab controller: same netcfg and table, driving the switch over P4Runtime directly.
    return ['%s --target %s:%d --device-id %d --netcfg %s --binding-table %s'
            % (os.path.join(REPO, 'scripts', 'lab.sh'), opts.switch_ip, opts.grpc_port, opts.device_id,
               netcfg_path, table_path)]


def switch_command(opts, intfs, cpu):
    """simple_switch_grpc with no program: the controller pushes pipeline.p4 over P4Runtime."""
    args = ['simple_switch_grpc', '--no-p4', '--device-id', str(opts.device_id)]
    for port, intf in intfs:
        args += ['-i', '%d@%s' % (port, intf)]
    args += ['--', '--grpc-server-addr', '0.0.0.0:%d' % opts.grpc_port, '--cpu-port', str(cpu)]
    return args


# ---------------------------------------------------------------- Mininet (real run only)

def mininet_classes():
    """Imports Mininet lazily, so that --dry-run and the unit tests need neither it nor root."""
    from mininet.node import Switch

    class Bmv2Switch(Switch):
        """A bmv2 simple_switch_grpc in the root namespace; its ports are the link order."""

        def __init__(self, name, opts=None, **params):
            Switch.__init__(self, name, **params)
            self.opts = opts
            self.log = '/tmp/%s-bmv2.log' % name

        def start(self, controllers):
            intfs = [(port, intf.name) for port, intf in sorted(self.intfs.items()) if intf.name != 'lo']
            for _, name in intfs:
                self.cmd('sysctl -qw net.ipv6.conf.%s.disable_ipv6=1' % name)
            args = switch_command(self.opts, intfs, cpu_port())
            self.cmd(' '.join(shlex.quote(a) for a in args) + ' > %s 2>&1 &' % self.log)
            self.pid = int(self.cmd('echo $!').strip())
            wait_for_port('127.0.0.1', self.opts.grpc_port, 10, self.log)

        def stop(self, deleteIntfs=True):
            self.cmd('kill %d' % self.pid)
            Switch.stop(self, deleteIntfs)

    return Bmv2Switch


def wait_for_port(host, port, seconds, log):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            socket.create_connection((host, port), 0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError('simple_switch_grpc did not open %s:%d within %ds; see %s' % (host, port, seconds, log))


def run_mininet(opts, lwb4s, cmds, handoff):
    from mininet.net import Mininet
    from mininet.cli import CLI
    from mininet.log import setLogLevel
    setLogLevel('info')
    Bmv2Switch = mininet_classes()
    net = Mininet(controller=None, autoSetMacs=False, autoStaticArp=False)
    s1 = net.addSwitch(opts.switch_name, cls=Bmv2Switch, opts=opts)
    r6 = net.addHost('r6', ip=None)
    inet = net.addHost('inet', ip=None)
    net.addLink(r6, s1, port1=0, port2=SWITCH_PORT_LWB4, addr1=ROUTER_MAC)
    net.addLink(inet, s1, port1=0, port2=SWITCH_PORT_INET, addr1=INET_MAC)
    for b in lwb4s:
        h = net.addHost(b.name, ip=None)
        net.addLink(h, r6, port1=0, port2=b.index + 1)
    net.start()
    for node, lines in cmds.items():
        for line in lines:
            out = net.get(node).cmd(line)
            if out.strip():
                print('%s: %s -> %s' % (node, line, out.strip()))
    for line in handoff:
        subprocess.check_call(line, shell=True)
    CLI(net)
    net.stop()


# ---------------------------------------------------------------- entry point

def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--controller', choices=('onos', 'lab'), default='onos')
    p.add_argument('--onos-ip', default='127.0.0.1')
    p.add_argument('--switch-ip', default='127.0.0.1',
                   help='address at which the controller reaches the switch gRPC server')
    p.add_argument('--grpc-port', type=int, default=50051)
    p.add_argument('--device-id', type=int, default=1)
    p.add_argument('--switch-name', default='s1')
    p.add_argument('--lwb4s', type=int, default=2)
    p.add_argument('--psid-len', type=int, default=6)
    p.add_argument('--psid-offset', type=int, default=6)
    p.add_argument('--out-dir', default='/tmp/lwaftr-mininet')
    p.add_argument('--dry-run', action='store_true',
                   help='print every command and both JSON documents; needs neither root nor Mininet')
    opts = p.parse_args(argv)
    if opts.lwb4s < 1:
        p.error('--lwb4s must be at least 1')
    return opts


def main(argv=None, out=sys.stdout):
    opts = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        lwb4s = plan_lwb4s(opts.lwb4s, opts.psid_offset, opts.psid_len)
    except ValueError as e:
        print('error: %s' % e, file=sys.stderr)
        return 2
    cfg = netcfg(opts, lwb4s)
    table = binding_table(lwb4s)
    netcfg_path = os.path.join(opts.out_dir, 'netcfg.json')
    table_path = os.path.join(opts.out_dir, 'binding-table.json')
    cmds = host_commands(lwb4s)
    handoff = handoff_commands(opts, netcfg_path, table_path)
    if opts.dry_run:
        intfs = [(SWITCH_PORT_LWB4, '%s-eth%d' % (opts.switch_name, SWITCH_PORT_LWB4)),
                 (SWITCH_PORT_INET, '%s-eth%d' % (opts.switch_name, SWITCH_PORT_INET))]
        print('# %s: %s' % (opts.switch_name, ' '.join(switch_command(opts, intfs, cpu_port()))), file=out)
        for node, lines in cmds.items():
            for line in lines:
                print('%s: %s' % (node, line), file=out)
        for line in handoff:
            print('# handoff: %s' % line, file=out)
        print('# %s\n%s' % (netcfg_path, json.dumps(cfg, indent=2)), file=out)
        print('# %s\n%s' % (table_path, json.dumps(table, indent=2)), file=out)
        return 0
    if os.geteuid() != 0:
        print('error: Mininet needs root (or use --dry-run)', file=sys.stderr)
        return 2
    os.makedirs(opts.out_dir, exist_ok=True)
    with open(netcfg_path, 'w') as f:
        json.dump(cfg, f, indent=2)
    with open(table_path, 'w') as f:
        json.dump(table, f, indent=2)
    run_mininet(opts, lwb4s, cmds, handoff)
    return 0


if __name__ == '__main__':
    sys.exit(main())
