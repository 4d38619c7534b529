// The display filters of the conformance suite: each one is run by tshark 4.0 over every capture
// (test/fixtures/tshark/filter-reference.sh) and by TCP Lens (filters.test.ts), and the frames
// they select must be the same. Every construct of Wireshark 4.0's language that TCP Lens takes
// is here at least once; `exercises` says what each filter is for. The values were chosen so that
// each filter selects some frames, but not all, of at least one capture.
//
// A filter is one line of text: no newlines (the reference script reads the list line by line).

export interface ConformanceFilter {
  readonly filter: string
  readonly exercises: string
}

export const VALID_FILTERS: readonly ConformanceFilter[] = [
  // Protocols as existence tests.
  { filter: 'tcp', exercises: 'protocol existence' },
  { filter: 'ip', exercises: 'protocol existence (IPv4)' },
  { filter: 'ipv6', exercises: 'protocol existence (IPv6)' },
  { filter: 'udp', exercises: 'protocol existence' },
  { filter: 'arp', exercises: 'protocol existence' },
  { filter: 'icmp', exercises: 'protocol existence (also ICMP errors quoting TCP)' },
  { filter: 'icmpv6', exercises: 'protocol existence' },
  { filter: 'vlan', exercises: 'protocol existence (802.1Q tags)' },
  { filter: 'eth', exercises: 'protocol existence (not on raw IP, null, SLL links)' },
  { filter: '!tcp', exercises: 'negated protocol existence, ! spelling' },
  { filter: 'not ip', exercises: 'negated protocol existence, not spelling' },
  { filter: 'ip && !tcp && !udp', exercises: 'IPv4 carrying neither TCP nor UDP (ICMP, fragments)' },

  // Fields as existence tests.
  { filter: 'tcp.options.sack_perm', exercises: 'field existence (a presence-only option)' },
  { filter: 'tcp.analysis.flags', exercises: 'existence of a generated analysis field' },
  { filter: 'ip.flags.df', exercises: 'existence of a boolean field: true whatever its value' },
  { filter: 'tcp.options.wscale.shift', exercises: 'existence of an option field' },
  { filter: 'frame.comment', exercises: 'existence of a pcapng packet comment' },

  // The classic lab-sheet filters.
  { filter: 'tcp.flags.syn == 1 && tcp.flags.ack == 0', exercises: 'lab: the first packet of each handshake' },
  { filter: 'tcp.flags.syn == 1 and tcp.flags.ack == 1', exercises: 'lab: SYN/ACK, "and" spelling' },
  { filter: 'tcp.analysis.retransmission', exercises: 'lab: retransmissions' },
  { filter: 'tcp.stream eq 3', exercises: 'lab: one connection, "eq" spelling' },
  { filter: 'tcp.flags.fin == 1', exercises: 'lab: teardown packets' },
  { filter: 'tcp.flags.reset == 1', exercises: 'lab: resets' },
  { filter: 'tcp.analysis.duplicate_ack', exercises: 'lab: duplicate ACKs' },
  { filter: 'tcp.analysis.zero_window', exercises: 'lab: zero windows' },
  { filter: 'tcp.len > 0', exercises: 'lab: segments that carry data' },
  { filter: 'tcp.window_size == 0', exercises: 'lab: calculated window of zero' },
  { filter: 'tcp.analysis.fast_retransmission', exercises: 'lab: fast retransmissions' },
  { filter: 'tcp.analysis.out_of_order', exercises: 'lab: out-of-order segments' },
  { filter: 'tcp.analysis.keep_alive || tcp.analysis.keep_alive_ack', exercises: 'lab: keep-alives, || of two existence tests' },
  { filter: 'tcp.analysis.window_update', exercises: 'lab: window updates' },
  { filter: 'tcp.analysis.lost_segment', exercises: 'lab: previous segment not captured' },
  { filter: 'tcp.analysis.zero_window_probe or tcp.analysis.window_full', exercises: 'lab: probes and full windows, "or" spelling' },
  { filter: 'tcp.port == 80', exercises: 'either-side port' },

  // Either-side fields, and 4.0's != (all not equal) against ~= (any not equal).
  { filter: 'ip.addr == 10.0.0.6', exercises: 'either-side IPv4 address' },
  { filter: 'ip.addr != 10.0.0.6', exercises: "4.0's !=: neither address is it" },
  { filter: 'ip.addr ~= 10.0.0.6', exercises: "4.0's ~=: at least one address is not it" },
  { filter: 'tcp.port != 80', exercises: "4.0's != on an either-side port" },
  { filter: 'tcp.port ~= 80', exercises: "4.0's ~= on an either-side port" },
  { filter: 'tcp.port !== 443', exercises: "!==, 4.0's other spelling of ~=" },
  { filter: 'udp.port == 53', exercises: 'either-side UDP port' },
  { filter: 'eth.addr == ff:ff:ff:ff:ff:ff', exercises: 'either-side MAC address, colon form' },
  { filter: 'eth.src == 08-00-27-19-1c-78', exercises: 'MAC address, dash form' },
  { filter: 'eth.dst == 3046.9a23.fbfa', exercises: 'MAC address, dotted form' },
  { filter: 'ipv6.addr == ::1', exercises: 'either-side IPv6 address, compressed' },
  { filter: 'ipv6.addr == 2001:db8:1:2::1000', exercises: 'IPv6 address' },
  { filter: 'ipv6.src == fe80::/10', exercises: 'IPv6 CIDR' },
  { filter: 'ipv6.dst != ff02::/16', exercises: 'IPv6 CIDR with != on a single-occurrence field' },

  // IPv4 CIDR.
  { filter: 'ip.addr == 10.0.0.0/8', exercises: 'IPv4 CIDR on an either-side field' },
  { filter: 'ip.src == 192.168.0.0/16', exercises: 'IPv4 CIDR' },
  { filter: 'ip.dst == 212.199.202.9/32', exercises: 'IPv4 CIDR with /32' },
  { filter: 'ip.dst == 255.255.255.255', exercises: 'IPv4 broadcast address' },

  // Every comparison operator in both spellings.
  { filter: 'tcp.srcport == 80', exercises: '==' },
  { filter: 'tcp.dstport eq 443', exercises: 'eq' },
  { filter: 'frame.len != 60', exercises: '!= on a single-occurrence field' },
  { filter: 'frame.len ne 1514', exercises: 'ne' },
  { filter: 'tcp.len > 1000', exercises: '>' },
  { filter: 'tcp.len gt 500', exercises: 'gt' },
  { filter: 'tcp.window_size_value < 100', exercises: '<' },
  { filter: 'ip.ttl lt 64', exercises: 'lt' },
  { filter: 'ip.ttl >= 128', exercises: '>=' },
  { filter: 'ip.len ge 1400', exercises: 'ge' },
  { filter: 'tcp.hdr_len <= 20', exercises: '<=' },
  { filter: 'frame.len le 64', exercises: 'le' },
  { filter: 'tcp.window_size_scalefactor == -1', exercises: 'a negative integer literal on a signed field' },
  { filter: 'tcp.srcport < tcp.dstport', exercises: 'field compared with field' },

  // Logic and parentheses.
  { filter: 'tcp.flags.syn == 1 || tcp.flags.fin == 1', exercises: '||' },
  { filter: '!(tcp.port == 80) && tcp', exercises: '! over parentheses' },
  { filter: 'not tcp.port == 443 and ip', exercises: 'not binds tighter than and' },
  { filter: '(tcp.flags.syn == 1 or tcp.flags.reset == 1) and not tcp.flags.ack == 1', exercises: 'parentheses around or' },
  { filter: 'tcp.flags.syn == 1 || tcp.flags.reset == 1 && tcp.flags.ack == 1', exercises: '&& binds tighter than ||' },
  { filter: 'ip.addr == 10.0.0.6 && ip.addr == 212.199.202.9', exercises: 'both endpoints of a conversation' },
  { filter: '!ip.addr == 10.0.0.6', exercises: '! before an either-side comparison' },
  { filter: 'ip.src == 10.0.0.6 && tcp.dstport == 80 && tcp.len > 0', exercises: 'three-term conjunction' },
  { filter: 'tcp.analysis.retransmission && !tcp.analysis.fast_retransmission', exercises: 'existence and negated existence' },

  // Sets and ranges.
  { filter: 'tcp.port in {80, 443, 8080}', exercises: 'in {a, b, c}' },
  { filter: 'tcp.dstport in {1..1024}', exercises: 'in a range' },
  { filter: 'frame.len in {60..100, 1514}', exercises: 'set mixing a range and a member' },
  { filter: 'ip.addr in {10.0.0.6, 192.168.1.1}', exercises: 'set of IPv4 addresses' },
  { filter: 'tcp.stream in {0..2}', exercises: 'range of streams' },
  { filter: 'frame.time_relative in {0.0..0.5}', exercises: 'range of times' },

  // Bitwise and, and slices.
  { filter: 'tcp.flags & 0x12 == 0x12', exercises: '& then ==' },
  { filter: 'tcp.flags & 0x04', exercises: '& as a test (non-zero)' },
  { filter: 'tcp[13] & 0x02', exercises: 'slice of a protocol, one byte, & as a test' },
  { filter: 'tcp[13] == 0x18', exercises: 'one-byte slice compared with a byte' },
  { filter: 'tcp[0:2] == 00:50', exercises: 'slice [start:length] of a protocol' },
  { filter: 'frame[12:2] == 08:00', exercises: 'slice of the frame' },
  { filter: 'eth.src[0:3] == 08:00:27', exercises: 'slice of a MAC address' },
  { filter: 'ip[9] == 6', exercises: 'slice of IPv4' },
  { filter: 'tcp.payload[0:3] == "GET"', exercises: 'slice of bytes compared with a string' },
  { filter: 'frame[-2:] == 0d:0a', exercises: 'slice from the end, open-ended' },
  { filter: 'len(tcp) > 20', exercises: "len() of a protocol: its header's bytes (TCP options present)" },
  { filter: 'len(ip) > 20', exercises: 'len() of IPv4: the header with options' },

  // contains and matches.
  { filter: 'tcp.payload contains "HTTP"', exercises: 'contains on tcp.payload' },
  { filter: 'tcp contains "GET"', exercises: 'contains on the tcp protocol' },
  { filter: 'ip contains "GET"', exercises: 'contains on a protocol looks past its header, into what it carries' },
  { filter: 'frame contains "google"', exercises: 'contains on the frame' },
  { filter: 'tcp.payload contains 48:54:54:50', exercises: 'contains a byte string' },
  { filter: 'tcp.payload matches "^GET /"', exercises: 'matches, anchored' },
  { filter: 'frame matches "(?i)host: www"', exercises: 'matches, case-insensitive' },
  { filter: 'tcp matches "HTTP/1\\\\.[01] [23]0[0-9]"', exercises: 'matches with a character class and an escaped backslash (the regex sees \\.)' },
  { filter: 'frame.comment contains "Packet"', exercises: 'contains on a string field' },
  { filter: 'tcp.flags.str contains "R"', exercises: 'contains on a string field with non-ASCII characters' },

  // Integer literals.
  { filter: 'tcp.port == 0x50', exercises: 'hexadecimal literal' },
  { filter: 'tcp.port == 0120', exercises: 'octal literal' },
  { filter: 'ip.proto == 17', exercises: 'decimal literal' },
  { filter: 'tcp.flags == 0x018', exercises: 'hexadecimal literal with a leading zero' },
  { filter: 'frame.number <= 10', exercises: 'frame numbers' },
  { filter: 'tcp.seq == 1 && tcp.ack == 1', exercises: 'relative sequence numbers' },
  { filter: 'tcp.nxtseq > 100000', exercises: 'next sequence number' },
  { filter: 'tcp.analysis.bytes_in_flight > 10000', exercises: 'bytes in flight' },
  { filter: 'tcp.options.mss_val == 1460', exercises: 'MSS option' },
  { filter: 'tcp.options.wscale.shift >= 7', exercises: 'window scale option' },
  { filter: 'udp.length > 100', exercises: 'UDP length' },
  { filter: 'icmp.type == 8', exercises: 'ICMP type' },
  { filter: 'arp.opcode == 2', exercises: 'ARP opcode' },
  { filter: 'vlan.id == 118', exercises: 'VLAN id' },
  { filter: 'eth.type == 0x86dd', exercises: 'EtherType' },
  { filter: 'ipv6.nxt == 58', exercises: 'IPv6 next header' },
  { filter: 'tcp.analysis.acks_frame', exercises: 'existence of a frame-number field' },

  // Times (floats).
  { filter: 'frame.time_relative > 1.5', exercises: 'relative time, float' },
  { filter: 'frame.time_relative <= 0.25', exercises: 'relative time, float' },
  { filter: 'frame.time_delta >= 0.5', exercises: 'time since the previous frame' },
  { filter: 'tcp.time_delta > 0.1', exercises: 'time since the previous frame of the stream' },
  { filter: 'tcp.time_relative > 2', exercises: 'time since the stream began, integer literal' },
  { filter: 'tcp.analysis.ack_rtt > 0.05', exercises: 'ACK round-trip time' },
  { filter: 'tcp.analysis.initial_rtt < 0.01', exercises: 'initial round-trip time' },

  // Booleans as 1 and 0.
  { filter: 'tcp.flags.push == 1', exercises: 'boolean 1' },
  { filter: 'tcp.flags.ack == 0', exercises: 'boolean 0' },
  { filter: 'ip.flags.df == 0', exercises: 'boolean 0 on IPv4' },
  { filter: 'ip.flags.mf == 1 || ip.frag_offset > 0', exercises: 'fragments' },
]

export interface InvalidFilter {
  readonly filter: string
  /** What is wrong with it (tshark's own verdict is recorded by the reference script). */
  readonly why: string
}

export const INVALID_FILTERS: readonly InvalidFilter[] = [
  { filter: 'tcp.port ==', why: 'ends after an operator' },
  { filter: 'tcp.port == 80 &&', why: 'ends after &&' },
  { filter: '(tcp', why: 'unclosed parenthesis' },
  { filter: 'tcp)', why: 'unopened parenthesis' },
  { filter: '== 80', why: 'starts with an operator' },
  { filter: '&& tcp', why: 'starts with &&' },
  { filter: 'tcp.nonexistent', why: 'unknown field' },
  { filter: 'tcp.port = 80', why: '= is not an operator' },
  { filter: 'tcp.port == 80 80', why: 'two values in a row' },
  { filter: 'tcp.flags.syn == 1 &&& tcp', why: '&&& is not an operator' },
  { filter: 'ip.addr == 1.2.3.400', why: 'not an IPv4 address' },
  { filter: 'ip.addr == 10.0.0.0/33', why: 'prefix longer than 32 bits' },
  { filter: 'ip.addr == ::1', why: 'an IPv6 address for an IPv4 field' },
  { filter: 'ipv6.addr == 10.0.0.1', why: 'an IPv4 address for an IPv6 field' },
  { filter: 'eth.addr == 00:11:22', why: 'a MAC address of three bytes' },
  { filter: 'tcp.port == "x"', why: 'a string for an integer field' },
  { filter: 'tcp.port > 65536', why: 'too big for a 16-bit field' },
  { filter: 'tcp.seq == 1.5', why: 'a float for an integer field' },
  { filter: 'tcp.seq == 0x', why: 'a hexadecimal prefix without digits' },
  { filter: 'tcp.flags.syn == yes', why: 'not a boolean value' },
  { filter: 'tcp.analysis.retransmission == 1', why: 'a presence-only field compared with a value' },
  { filter: 'tcp.port matches "8"', why: 'matches on an integer field' },
  { filter: 'tcp.payload matches "("', why: 'a regular expression that does not compile' },
  { filter: 'frame contains', why: 'contains without an operand' },
  { filter: 'tcp matches "HTTP/1\\.1"', why: 'an unknown escape in a string (a regex backslash must be doubled)' },
  { filter: 'tcp.port in {80,443 8080}', why: 'a set mixing commas and blanks' },
  { filter: 'tcp.stream in {0 1 2}', why: 'blank-separated members (4.0 wants commas)' },
  { filter: 'tcp.port in {80..}', why: 'a range without an end' },
  { filter: 'tcp.port in {}', why: 'an empty set' },
  { filter: 'tcp[13', why: 'an unclosed slice' },
  { filter: '"GET"', why: 'a bare string is not a test' },
  { filter: 'frame.time_relative > "abc"', why: 'a string for a time field' },
  { filter: 'tcp.len > 0 or', why: 'ends after or' },
  { filter: 'not', why: 'not without an operand' },
  { filter: 'tcp.port == 80 )', why: 'a closing parenthesis too many' },
  { filter: 'ip.src == foo', why: 'a name where an address is wanted (names are not resolved)' },
]
