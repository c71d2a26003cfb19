#!/usr/bin/env python3
"""The loopback world of bench/links: one asyncio server on one port of 127.0.0.1 .. 127.0.0.N.

Usage: links-world.py HOSTS LATENCY_SECONDS

Every HEAD or GET is answered 200 with a small HTML page after LATENCY seconds, on a kept-alive
HTTP/1.1 connection; /robots.txt is answered 404 at once (LinkChecker asks for it per host).
GET /__count answers how many other requests were served, so the benchmark reads the request
count from the server rather than trusting the tools. Prints `port N` once it listens.
"""

import asyncio
import socket
import sys

HOSTS = int(sys.argv[1])
LATENCY = float(sys.argv[2])
BODY = b"<!DOCTYPE html><html><head><title>page</title></head><body><p>A page.</p></body></html>\n"
served = 0


async def serve(reader, writer):
    global served
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            request_line = head.split(b"\r\n", 1)[0].decode("latin-1")
            method, target = request_line.split(" ")[:2]
            if target == "/__count":
                body = str(served).encode()
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
                await writer.drain()
                continue
            served += 1
            if target == "/robots.txt":
                writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                await writer.drain()
                continue
            await asyncio.sleep(LATENCY)
            headers = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(BODY)
            writer.write(headers if method == "HEAD" else headers + BODY)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, ValueError, asyncio.LimitOverrunError):
        pass
    finally:
        writer.close()


async def main():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    servers = []
    for host in range(1, HOSTS + 1):
        servers.append(await asyncio.start_server(serve, f"127.0.0.{host}", port, backlog=1024, reuse_address=True))
    print(f"port {port}", flush=True)
    await asyncio.gather(*(server.serve_forever() for server in servers))


if __name__ == "__main__":
    asyncio.run(main())
