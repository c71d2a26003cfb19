#!/usr/bin/env python3
"""curator's release files, written with Python's standard library alone.

Commands (`.ci/package` runs them on the release binary):

    platform BINARY                       the target triple and the wheel platform tag the binary needs
    archive BINARY LICENSE VERSION TARGET DIR    curator-VERSION-TARGET.tar.gz and its .sha256
    wheel BINARY LICENSE VERSION TAG DIR         the curator-lint wheel: the binary and the license
    hook-repository VERSION HOOKS LICENSE DIR    the pre-commit hook repository (a git repository)

The platform tag is read from the binary itself: on Linux the newest glibc symbol version it
references (`GLIBC_2.N` in its version needs) gives `manylinux_2_N_ARCH`, and every library it
needs must be one that manylinux allows; on macOS the deployment target in `LC_BUILD_VERSION`
gives `macosx_N_0_ARCH`, and it may load only system libraries. A binary that needs anything
else is not portable, and packaging it fails instead of shipping a wheel that breaks on install.

The same file is the PEP 517 build backend of the hook repository (`backend-path`): pre-commit
installs a `language: python` hook with `pip install .`, and this backend builds that package
from `hook-package.json` with nothing to download first, so the install works offline from a
folder of wheels (`PIP_NO_INDEX=1 PIP_FIND_LINKS=...`).
"""

import base64
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import time
import zipfile

NAME = "curator-lint"
HOME = "https://github.com/curator-lint/curator"
HOOK_HOME = "https://github.com/curator-lint/curator-pre-commit"
SUMMARY = "Lint curated markdown lists of research papers: format, badges, links, duplicates, mirrors."

# The libraries manylinux lets a wheel's binaries need (PEP 600 defers to auditwheel's policy;
# these are in every manylinux policy), and the dynamic loaders.
MANYLINUX_LIBRARIES = {
    "libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libutil.so.1",
    "libgcc_s.so.1", "libstdc++.so.6", "libz.so.1", "libcrypt.so.1", "libresolv.so.2",
    "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1",
}
ELF_MACHINES = {62: ("x86_64", "x86_64-unknown-linux-gnu"), 183: ("aarch64", "aarch64-unknown-linux-gnu")}
MACHO_CPUS = {0x01000007: ("x86_64", "x86_64-apple-darwin"), 0x0100000C: ("arm64", "aarch64-apple-darwin")}


class NotPortable(Exception):
    pass


def timestamp():
    """SOURCE_DATE_EPOCH when set (reproducible builds), else 1980-01-01, the earliest zip date."""
    return int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))


# Reading the binary

def elf_facts(data):
    """(machine, newest GLIBC_2.N minor, needed libraries) of a 64-bit little-endian ELF file."""
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise NotPortable("not a 64-bit little-endian ELF file")
    machine, = struct.unpack_from("<H", data, 18)
    shoff, = struct.unpack_from("<Q", data, 40)
    shentsize, shnum = struct.unpack_from("<HH", data, 58)
    sections = []
    for index in range(shnum):
        fields = struct.unpack_from("<IIQQQQIIQQ", data, shoff + index * shentsize)
        sections.append({"type": fields[1], "offset": fields[4], "size": fields[5], "link": fields[6]})

    def string(section, offset):
        start = sections[section]["offset"] + offset
        return data[start:data.index(b"\0", start)].decode()

    needed, glibc = [], 0
    for section in sections:
        if section["type"] == 6:  # SHT_DYNAMIC: DT_NEEDED (1) entries name the libraries
            for position in range(section["offset"], section["offset"] + section["size"], 16):
                tag, value = struct.unpack_from("<qQ", data, position)
                if tag == 0:
                    break
                if tag == 1:
                    needed.append(string(section["link"], value))
        elif section["type"] == 0x6FFFFFFE:  # SHT_GNU_verneed: the symbol versions referenced
            position = section["offset"]
            while True:
                _, count, _, aux, following = struct.unpack_from("<HHIII", data, position)
                entry = position + aux
                for _ in range(count):
                    _, _, _, name, next_aux = struct.unpack_from("<IHHII", data, entry)
                    match = re.fullmatch(r"GLIBC_2\.(\d+)(?:\.\d+)?", string(section["link"], name))
                    if match:
                        glibc = max(glibc, int(match.group(1)))
                    entry += next_aux
                if following == 0:
                    break
                position += following
    if machine not in ELF_MACHINES:
        raise NotPortable(f"unknown ELF machine {machine}")
    return machine, glibc, needed


def macho_facts(data):
    """(cpu, deployment target major, loaded libraries) of a 64-bit Mach-O file."""
    magic, cpu, _, _, commands, _, _, _ = struct.unpack_from("<IiiIIIII", data, 0)
    if magic != 0xFEEDFACF:
        raise NotPortable("not a 64-bit Mach-O file")
    position, major, libraries = 32, None, []
    for _ in range(commands):
        command, size = struct.unpack_from("<II", data, position)
        if command == 0x32:  # LC_BUILD_VERSION: platform, minos (xxxx.yy.zz), sdk
            minos, = struct.unpack_from("<I", data, position + 12)
            major = minos >> 16
        elif command in (0xC, 0x18 | 0x80000000, 0x1F | 0x80000000):  # LC_LOAD_DYLIB, weak, reexport
            name_offset, = struct.unpack_from("<I", data, position + 8)
            start = position + name_offset
            libraries.append(data[start:data.index(b"\0", start)].decode())
        position += size
    if cpu & 0xFFFFFFFF not in MACHO_CPUS:
        raise NotPortable(f"unknown Mach-O CPU type {cpu:#x}")
    if major is None:
        raise NotPortable("no LC_BUILD_VERSION: the deployment target is unknown")
    return cpu & 0xFFFFFFFF, major, libraries


def platform(binary):
    """(target triple, wheel platform tag) of the binary, or NotPortable saying why it is not."""
    with open(binary, "rb") as handle:
        data = handle.read()
    if data[:4] == b"\x7fELF":
        machine, glibc, needed = elf_facts(data)
        foreign = sorted(set(needed) - MANYLINUX_LIBRARIES)
        if foreign:
            raise NotPortable(f"{binary} needs {', '.join(foreign)}, which manylinux does not allow")
        if glibc == 0:
            raise NotPortable(f"{binary} references no GLIBC_2.N symbol version")
        arch, target = ELF_MACHINES[machine]
        return target, f"manylinux_2_{glibc}_{arch}"
    cpu, major, libraries = macho_facts(data)
    foreign = sorted(library for library in libraries if not library.startswith(("/usr/lib/", "/System/")))
    if foreign:
        raise NotPortable(f"{binary} loads {', '.join(foreign)}, which a Mac does not have")
    arch, target = MACHO_CPUS[cpu]
    return target, f"macosx_{major}_0_{arch}"


# Writing archives and wheels

def file_hash(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def metadata(name, version, requires=(), description=""):
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {name}",
        f"Version: {version}",
        f"Summary: {SUMMARY}",
        f"Home-page: {HOME}",
        f"Project-URL: Source, {HOME}",
        "License: MIT",
        "Classifier: License :: OSI Approved :: MIT License",
        "Classifier: Environment :: Console",
        "Classifier: Topic :: Text Processing :: Markup :: Markdown",
        "Requires-Python: >=3.8",
    ]
    lines += [f"Requires-Dist: {requirement}" for requirement in requires]
    if description:
        lines += ["Description-Content-Type: text/markdown", "", description]
    return "\n".join(lines) + "\n"


def write_wheel(directory, name, version, tag, payload, requires=(), license_text=None, description=""):
    """Writes NAME-VERSION-TAG.whl into `directory` and returns its file name.

    `payload` is a list of (path in the wheel, bytes, executable). Entries have fixed dates and
    modes, so the same inputs give the same wheel byte for byte.
    """
    distribution = re.sub(r"[-_.]+", "_", name)
    info = f"{distribution}-{version}.dist-info"
    files = list(payload)
    if license_text is not None:
        files.append((f"{info}/LICENSE", license_text, False))
    files.append((f"{info}/METADATA", metadata(name, version, requires, description).encode(), False))
    wheel = f"Wheel-Version: 1.0\nGenerator: curator_dist\nRoot-Is-Purelib: {'true' if tag.endswith('-any') else 'false'}\n"
    wheel += "".join(f"Tag: {tag}\n" for tag in expand_tag(tag))
    files.append((f"{info}/WHEEL", wheel.encode(), False))
    record = "".join(f"{path},{file_hash(data)},{len(data)}\n" for path, data, _ in files) + f"{info}/RECORD,,\n"
    files.append((f"{info}/RECORD", record.encode(), False))
    filename = f"{distribution}-{version}-{tag}.whl"
    date = time.gmtime(max(timestamp(), 315532800))[:6]
    os.makedirs(directory, exist_ok=True)
    with zipfile.ZipFile(os.path.join(directory, filename), "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data, executable in files:
            entry = zipfile.ZipInfo(path, date_time=date)
            entry.external_attr = (0o100755 if executable else 0o100644) << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, data)
    return filename


def expand_tag(tag):
    """`py3-none-a.b` means the tags py3-none-a and py3-none-b."""
    python, abi, platforms = tag.split("-")
    return [f"{python}-{abi}-{item}" for item in platforms.split(".")]


def write_checksum(path):
    with open(path, "rb") as handle:
        digest = hashlib.sha256(handle.read()).hexdigest()
    with open(path + ".sha256", "w") as handle:
        handle.write(f"{digest}  {os.path.basename(path)}\n")


def archive(binary, license_path, version, target, directory):
    """curator-VERSION-TARGET.tar.gz with `curator` and `LICENSE` at its top, and its checksum."""
    name = f"curator-{version}-{target}.tar.gz"
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, name)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=timestamp(), filename="") as zipped:
        with tarfile.open(fileobj=zipped, mode="w", format=tarfile.PAX_FORMAT) as tar:
            for source, arcname, mode in ((binary, "curator", 0o755), (license_path, "LICENSE", 0o644)):
                with open(source, "rb") as handle:
                    data = handle.read()
                member = tarfile.TarInfo(arcname)
                member.size, member.mode, member.mtime = len(data), mode, timestamp()
                member.uid = member.gid = 0
                member.uname = member.gname = ""
                tar.addfile(member, io.BytesIO(data))
    write_checksum(path)
    return name


WHEEL_DESCRIPTION = """\
# curator-lint

The [curator]({home}) binary for this platform: a linter, link checker and metadata fetcher for
curated markdown lists of research papers. `pip install curator-lint` (or `pipx install
curator-lint`, `uv tool install curator-lint`) puts `curator` on PATH; no Swift toolchain needed.
The pre-commit hooks are at {hook}.
"""


def wheel(binary, license_path, version, tag, directory):
    with open(binary, "rb") as handle:
        data = handle.read()
    with open(license_path, "rb") as handle:
        license_text = handle.read()
    distribution = re.sub(r"[-_.]+", "_", NAME)
    # The data folder's scripts go straight into the environment's bin folder, as they are.
    payload = [(f"{distribution}-{version}.data/scripts/curator", data, True)]
    return write_wheel(
        directory, NAME, version, f"py3-none-{tag}", payload, license_text=license_text,
        description=WHEEL_DESCRIPTION.format(home=HOME, hook=HOOK_HOME))


HOOK_README = """\
# curator-pre-commit

[pre-commit](https://pre-commit.com) hooks for [curator]({home}), version {version}. They are
`language: python` hooks: pre-commit installs the `curator-lint` wheel, which carries the curator
binary, so no Swift toolchain is needed.

```yaml
repos:
  - repo: {hook}
    rev: v{version}
    hooks:
      - id: curator-lint
      # - id: curator-fix
```

Both hooks read the whole list (`--whole-list`: duplicates and mirrors compare every file) and
report only the files being committed. This repository is written by curator's release
(`.ci/package`); change the hooks in curator's own repository.
"""


def hook_repository(version, hooks_path, license_path, directory):
    """The hook repository: a git repository with one commit, tagged vVERSION."""
    if os.path.exists(directory):
        shutil.rmtree(directory)
    os.makedirs(os.path.join(directory, "_build"))
    shutil.copyfile(hooks_path, os.path.join(directory, ".pre-commit-hooks.yaml"))
    shutil.copyfile(license_path, os.path.join(directory, "LICENSE"))
    shutil.copyfile(__file__, os.path.join(directory, "_build", "curator_dist.py"))
    spec = {"name": "curator-lint-pre-commit", "version": version, "requires": [f"{NAME}=={version}"]}
    with open(os.path.join(directory, "hook-package.json"), "w") as handle:
        json.dump(spec, handle, indent=2, sort_keys=True)
        handle.write("\n")
    with open(os.path.join(directory, "pyproject.toml"), "w") as handle:
        handle.write(
            "# pre-commit installs this package (`pip install .`), which depends on the curator-lint wheel.\n"
            "# The backend is _build/curator_dist.py: it needs nothing installed, so an offline install\n"
            "# from a folder of wheels works. The package is described in hook-package.json.\n"
            "[build-system]\n"
            "requires = []\n"
            'build-backend = "curator_dist"\n'
            'backend-path = ["_build"]\n')
    with open(os.path.join(directory, "README.md"), "w") as handle:
        handle.write(HOOK_README.format(home=HOME, hook=HOOK_HOME, version=version))
    environment = dict(os.environ, GIT_AUTHOR_DATE=f"@{timestamp()} +0000", GIT_COMMITTER_DATE=f"@{timestamp()} +0000")

    def git(*arguments):
        subprocess.run(
            ["git", "-c", "user.name=curator release", "-c", "user.email=release@curator.invalid",
             "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", *arguments],
            cwd=directory, env=environment, check=True, stdout=subprocess.DEVNULL)

    git("init", "-q")
    git("checkout", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", f"curator {version}")
    git("tag", f"v{version}")


# PEP 517 backend of the hook repository

def _hook_spec():
    with open("hook-package.json") as handle:
        return json.load(handle)


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    spec = _hook_spec()
    return write_wheel(wheel_directory, spec["name"], spec["version"], "py3-none-any", [], requires=spec["requires"])


def build_sdist(sdist_directory, config_settings=None):
    spec = _hook_spec()
    base = f"{re.sub(r'[-_.]+', '_', spec['name'])}-{spec['version']}"
    name = f"{base}.tar.gz"
    with tarfile.open(os.path.join(sdist_directory, name), "w:gz") as tar:
        for path in ("pyproject.toml", "hook-package.json", "_build/curator_dist.py", "LICENSE"):
            tar.add(path, arcname=f"{base}/{path}")
        info = metadata(spec["name"], spec["version"], spec["requires"]).encode()
        member = tarfile.TarInfo(f"{base}/PKG-INFO")
        member.size, member.mtime = len(info), timestamp()
        tar.addfile(member, io.BytesIO(info))
    return name


def main(arguments):
    usage = __doc__.split("\n\n")[1]
    try:
        if arguments[:1] == ["platform"] and len(arguments) == 2:
            print(" ".join(platform(arguments[1])))
        elif arguments[:1] == ["archive"] and len(arguments) == 6:
            print(archive(*arguments[1:]))
        elif arguments[:1] == ["wheel"] and len(arguments) == 6:
            print(wheel(*arguments[1:]))
        elif arguments[:1] == ["hook-repository"] and len(arguments) == 5:
            hook_repository(*arguments[1:])
        else:
            print(f"usage:\n{usage}", file=sys.stderr)
            return 2
    except NotPortable as error:
        print(f"curator_dist: not portable: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
