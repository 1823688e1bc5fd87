"""Unit tests of lwaftr_topo (standard library only): port sets, plan, JSON, --dry-run.

Run: cd lab/mininet && /usr/bin/python3 -m unittest -v test_topo
With LWAFTR_JAVA_RANGES=<file> (written by tests' MininetTopologyTest from Java's
PortSet.ranges()), the port ranges are also compared with Java's for every case in the file.
"""

import io
import json
import os
import unittest

import lwaftr_topo as topo


def dry_run(*args):
    out = io.StringIO()
    rc = topo.main(['--dry-run'] + list(args), out)
    return rc, out.getvalue()


class PortRangesTest(unittest.TestCase):

    def test_rfc7597_appendix_b_example(self):
        # RFC 7597 Appendix B: a = 6, k = 8, PSID 0x34 → 1232-1235, 2256-2259, ..., 64720-64723.
        r = topo.port_ranges(6, 8, 0x34)
        self.assertEqual(63, len(r))
        self.assertEqual((1232, 1235), r[0])
        self.assertEqual((2256, 2259), r[1])
        self.assertEqual((64720, 64723), r[-1])

    def test_offset_zero_has_one_contiguous_range(self):
        self.assertEqual([(16384, 32767)], topo.port_ranges(0, 2, 1))

    def test_whole_address(self):
        self.assertEqual([(0, 65535)], topo.port_ranges(0, 0, 0))

    def test_bad_shape_is_refused_naming_the_values(self):
        with self.assertRaisesRegex(ValueError, 'psid-offset 10 / psid-len 8'):
            topo.port_ranges(10, 8, 0)
        with self.assertRaisesRegex(ValueError, 'psid-offset 6 must be 0 when psid-len is 0'):
            topo.port_ranges(6, 0, 0)
        with self.assertRaisesRegex(ValueError, 'psid 4 is outside 0..3'):
            topo.port_ranges(0, 2, 4)

    @unittest.skipUnless(os.environ.get('LWAFTR_JAVA_RANGES'), 'LWAFTR_JAVA_RANGES not set')
    def test_same_ranges_as_java_portset(self):
        with open(os.environ['LWAFTR_JAVA_RANGES']) as f:
            cases = json.load(f)
        self.assertTrue(cases, 'no cases in the Java file')
        for case in cases:
            got = [list(r) for r in topo.port_ranges(case['a'], case['k'], case['psid'])]
            self.assertEqual(case['ranges'], got, 'a=%(a)d k=%(k)d psid=%(psid)d' % case)


class SnatTest(unittest.TestCase):

    def test_one_rule_per_range_and_protocol(self):
        ranges = topo.port_ranges(6, 8, 0x34)
        rules = topo.snat_rules('192.0.2.1', ranges)
        self.assertEqual(3 * 63, len(rules))
        self.assertIn('-p icmp -m connlimit --connlimit-daddr --connlimit-upto 4 '
                      '-j SNAT --to-source 192.0.2.1:1232-1235', rules[2])
        # Rules follow the ranges' order, so the lowest range is tried first.
        self.assertTrue(rules[-1].endswith('192.0.2.1:64720-64723'))


class PlanTest(unittest.TestCase):

    def test_lwb4s_share_addresses_by_port_set_and_avoid_system_ports(self):
        # a = 0, k = 2: PSID 0 is ports 0..16383 (system ports), so 3 lwB4s per address.
        b = topo.plan_lwb4s(4, 0, 2)
        self.assertEqual([('192.0.2.1', 1), ('192.0.2.1', 2), ('192.0.2.1', 3), ('192.0.2.2', 1)],
                         [(x.ipv4, x.psid) for x in b])
        self.assertEqual(len({x.addr for x in b}), 4)

    def test_too_many_lwb4s_for_the_pool(self):
        with self.assertRaisesRegex(ValueError, '300 lwB4s need 300 public addresses'):
            topo.plan_lwb4s(300, 6, 0)

    def test_whole_addresses_ignore_the_offset(self):
        b = topo.plan_lwb4s(2, 6, 0)
        self.assertEqual([('192.0.2.1', 0, 0), ('192.0.2.2', 0, 0)], [(x.ipv4, x.offset, x.psid) for x in b])


class DryRunTest(unittest.TestCase):

    def test_prints_switch_hosts_handoff_and_json(self):
        rc, out = dry_run('--lwb4s', '2', '--psid-len', '6', '--psid-offset', '6',
                          '--onos-ip', '10.0.0.5', '--grpc-port', '50052', '--device-id', '7')
        self.assertEqual(0, rc)
        cpu = topo.cpu_port()
        self.assertIn('simple_switch_grpc --no-p4 --device-id 7 -i 1@s1-eth1 -i 2@s1-eth2 -- '
                      '--grpc-server-addr 0.0.0.0:50052 --cpu-port %d' % cpu, out)
        self.assertIn('b4h2: ip -6 tunnel add lw4o6 mode ipip6 local 2001:db8:1:2::2 '
                      'remote 2001:db8:ffff::1 encaplimit none dev b4h2-eth0', out)
        self.assertIn('b4h1: ip -4 route add default dev lw4o6', out)
        self.assertIn('onos:rocks', out)
        self.assertIn('http://10.0.0.5:8181/onos/v1/network/configuration', out)
        self.assertIn('-X PUT', out)
        self.assertIn('http://10.0.0.5:8181/onos/lwaftr/binding-table', out)

    def test_json_matches_the_topology(self):
        opts = topo.parse_args(['--lwb4s', '3', '--psid-len', '4', '--psid-offset', '2'])
        b = topo.plan_lwb4s(3, 2, 4)
        cfg = topo.netcfg(opts, b)
        dev = cfg['devices']['device:bmv2:s1']
        self.assertEqual('grpc://127.0.0.1:50051?device_id=1', dev['basic']['managementAddress'])
        self.assertEqual(topo.PIPECONF_ID, dev['basic']['pipeconf'])
        side = dev['lwaftr']['lwb4-side']
        self.assertEqual((topo.SWITCH_PORT_LWB4, topo.ROUTER_MAC), (side['port'], side['next-hop-mac']))
        entries = topo.binding_table(b)['binding-table']['binding-entry']
        self.assertEqual(3, len(entries))
        self.assertEqual({'psid-offset': 2, 'psid-len': 4, 'psid': b[2].psid}, entries[2]['port-set'])
        self.assertEqual(b[2].addr, entries[2]['binding-ipv6info'])

    def test_lab_controller_handoff_has_no_onos_basic_config(self):
        rc, out = dry_run('--controller', 'lab', '--lwb4s', '1')
        self.assertEqual(0, rc)
        self.assertIn('scripts/lab.sh --target 127.0.0.1:50051 --device-id 1 --netcfg ', out)
        self.assertNotIn('managementAddress', out)
        self.assertNotIn('curl', out)


if __name__ == '__main__':
    unittest.main()
