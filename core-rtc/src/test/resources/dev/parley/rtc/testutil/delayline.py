# A delay line for DelayLine.java: a TUN device whose every IP packet goes back into the kernel
# a fixed time after it came out, so traffic routed through the device (both directions of a
# test namespace's veth link) sees that one-way delay. A fixed delay keeps packets in order, so
# one FIFO is enough. Usage: python3 delayline.py <device> <one-way delay in ms> <queue limit>
# Prints "ready" once the device exists; ends when its stdin closes (its parent went away).
import collections, fcntl, os, select, struct, sys, time

TUNSETIFF, IFF_TUN, IFF_NO_PI = 0x400454CA, 0x0001, 0x1000
device, delay_ns, limit = sys.argv[1], int(float(sys.argv[2]) * 1e6), int(sys.argv[3])
tun = os.open("/dev/net/tun", os.O_RDWR | os.O_NONBLOCK)
fcntl.ioctl(tun, TUNSETIFF, struct.pack("16sH", device.encode(), IFF_TUN | IFF_NO_PI))
print("ready", flush=True)

queue = collections.deque()  # (due in monotonic ns, packet)
stdin = sys.stdin.fileno()
forwarded = dropped = most = 0
while True:
    now = time.monotonic_ns()
    while queue and queue[0][0] <= now:
        os.write(tun, queue.popleft()[1])
        forwarded += 1
    timeout = max(0.0, (queue[0][0] - now) / 1e9) if queue else None
    ready, _, _ = select.select([tun, stdin], [], [], timeout)
    if stdin in ready and not os.read(stdin, 4096):
        break
    if tun in ready:
        due = time.monotonic_ns() + delay_ns
        try:
            while True:
                packet = os.read(tun, 65536)
                if len(queue) < limit:
                    queue.append((due, packet))
                else:
                    dropped += 1
        except BlockingIOError:
            pass
        most = max(most, len(queue))
print(f"delayline {device}: forwarded {forwarded}, dropped {dropped} (queue full), most queued {most}",
      file=sys.stderr, flush=True)
