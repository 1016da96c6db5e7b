#!/usr/bin/env python3
"""The truth about an image, computed without image-size-guard: Python's tarfile over the layer blobs, whiteouts
applied, with the measures docs/architecture.md defines (the same words as the report):

  layer size       bytes of regular-file content in the layer's tar (files deleted or overwritten later included)
  layer fileCount  entries that add or replace a non-directory path (whiteouts not counted)
  fileCount        non-directory paths in the final filesystem
  wastedBytes      sum of the layer sizes - bytes of regular files in the final filesystem

Usage: image-truth.py PATH [REF]. PATH is a docker-save archive (manifest.json; REF: a RepoTags entry), an OCI
archive or an OCI layout directory (index.json; REF: an org.opencontainers.image.ref.name), with one image per
REF and one platform. Layers may be plain tar or gzip (zstd is not in Python's standard library). Prints JSON.
Hardlinks carry no bytes (tar stores their content once, under the first name); the test images have none whose
first name is deleted.
"""

import io
import json
import os
import posixpath
import sys
import tarfile


class Source:
    """Files of a layout directory or of an outer tar archive, by their path inside it."""

    def __init__(self, path):
        self.dir = path if os.path.isdir(path) else None
        self.tar = None if self.dir else tarfile.open(path)

    def has(self, name):
        if self.dir:
            return os.path.exists(os.path.join(self.dir, name))
        try:
            self.tar.getmember(name)
            return True
        except KeyError:
            return False

    def read(self, name):
        if self.dir:
            with open(os.path.join(self.dir, name), 'rb') as f:
                return f.read()
        member = self.tar.getmember(name)
        while member.issym() or member.islnk():  # docker save's legacy names link to the blobs
            target = member.linkname if member.islnk() else posixpath.normpath(posixpath.join(posixpath.dirname(member.name), member.linkname))
            member = self.tar.getmember(target)
        return self.tar.extractfile(member).read()

    def blob(self, digest):
        algorithm, hexdigest = digest.split(':')
        return self.read(f'blobs/{algorithm}/{hexdigest}')


def image_layers(src, ref):
    """The layer blobs of the image, in order."""
    if src.has('manifest.json'):
        entries = json.loads(src.read('manifest.json'))
        if ref is not None:
            entries = [e for e in entries if ref in (e.get('RepoTags') or [])]
        assert len(entries) == 1, f'{len(entries)} images match {ref!r}'
        return [src.read(path) for path in entries[0]['Layers']]
    index = json.loads(src.read('index.json'))
    entries = [d for d in index['manifests'] if ref is None or (d.get('annotations') or {}).get('org.opencontainers.image.ref.name') == ref]
    assert len(entries) == 1, f'{len(entries)} index entries match {ref!r}'
    manifest = json.loads(src.blob(entries[0]['digest']))
    while 'manifests' in manifest:  # a nested index with one image
        images = [d for d in manifest['manifests'] if (d.get('platform') or {}).get('os') != 'unknown']
        assert len(images) == 1, 'one platform expected'
        manifest = json.loads(src.blob(images[0]['digest']))
    return [src.blob(layer['digest']) for layer in manifest['layers']]


def clean(name):
    name = posixpath.normpath('/' + name)
    return name


def under(path, root):
    return path == root or path.startswith(root.rstrip('/') + '/')


def apply_layer(files, data, index):
    """Applies one layer to files (path -> (type, size)); returns the layer's size and fileCount."""
    size = 0
    count = 0
    added = set()
    with tarfile.open(fileobj=io.BytesIO(data), mode='r:*') as layer:
        for m in layer:
            path = clean(m.name)
            base = posixpath.basename(path)
            parent = posixpath.dirname(path)
            if base == '.wh..wh..opq':
                for p in [p for p in files if under(p, parent) and p != parent and p not in added]:
                    del files[p]
                continue
            if base.startswith('.wh.'):
                gone = posixpath.join(parent, base[4:])
                for p in [p for p in files if under(p, gone)]:
                    del files[p]
                continue
            if m.isdir():
                if files.get(path, ('dir',))[0] != 'dir':
                    del files[path]
                files.setdefault(path, ('dir', 0))
            else:
                for p in [p for p in files if under(p, path)]:
                    del files[p]
                kind = 'file' if m.isreg() else 'other'
                files[path] = (kind, m.size if m.isreg() else 0)
                size += m.size if m.isreg() else 0
                count += 1
            added.add(path)
    return size, count


def main():
    path = sys.argv[1]
    ref = sys.argv[2] if len(sys.argv) > 2 else None
    files = {}
    layers = []
    for i, data in enumerate(image_layers(Source(path), ref)):
        size, count = apply_layer(files, data, i)
        layers.append({'size': size, 'fileCount': count})
    final_bytes = sum(size for kind, size in files.values() if kind == 'file')
    total = sum(l['size'] for l in layers)
    print(json.dumps({
        'layers': layers,
        'size': total,
        'fileCount': sum(1 for kind, _ in files.values() if kind != 'dir'),
        'wastedBytes': total - final_bytes,
    }))


if __name__ == '__main__':
    main()
