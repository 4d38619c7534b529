// The display filters every fuzzed capture is filtered with, and the seeds of the filter-text
// mutator: fields the packet index answers (flags, ports, addresses, stream, the TCP analysis)
// and fields only a decode answers (TTL, payload, options, VLAN, ARP, ICMP, comments, slices,
// functions, regular expressions), so both of the session's filter passes see every input.
export const FUZZ_FILTERS: readonly string[] = [
  'tcp',
  'tcp.flags.syn == 1 && tcp.flags.ack == 0',
  'tcp.stream eq 0',
  'ip.addr == 10.0.0.0/8',
  'tcp.analysis.retransmission',
  'tcp[13] & 0x02',
  'frame contains "GET"',
  'tcp.len > 0 || udp',
  'ip.ttl < 64 and not arp',
  'eth.addr[0:3] == 00:00:5e',
  'tcp.options.mss_val >= 536',
  'ipv6 || icmp || icmpv6',
  'frame.len != frame.cap_len',
  'tcp.analysis.flags && !tcp.analysis.window_update',
  'len(tcp.payload) > 10',
  '_ws.malformed',
  'tcp.payload matches "^HTTP"',
  'tcp.time_delta > 0.1',
  'ip.flags.mf == 1 || ip.frag_offset > 0',
  'tcp.seq == 1 && tcp.ack == 1',
  'upper(frame.protocols) contains "TCP"',
  'tcp.srcport in {80, 443, 8000..8080}',
  'ipv6.addr == ::1',
  'frame.comment',
  'tcp.analysis.ack_rtt > 0.01',
  'vlan.id == 10 || sll.pkttype || arp.opcode == 2 || icmp.type == 8',
  'frame.interface_id == 1',
  'tcp.completeness >= 31',
  'ip.checksum.status == "Bad"',
  'tcp.nxtseq > tcp.seq',
]

/**
 * The ones also set as the session's view (its index pass, then a decode of the frames the index
 * cannot decide): a view decodes frames one by one by file offset, so a few, of both kinds.
 */
export const SESSION_FILTERS: readonly string[] = [
  'tcp.flags.syn == 1 && tcp.flags.ack == 0',
  'tcp.analysis.retransmission',
  'frame contains "GET"',
  'ip.ttl < 64 and not arp',
  'tcp.stream eq 0 || udp',
]
