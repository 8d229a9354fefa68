# Built FROM the official image, but with an entrypoint of its own that may read any variable.
FROM flink:1.20.1
COPY custom-entrypoint.sh /custom-entrypoint.sh
ENTRYPOINT ["/custom-entrypoint.sh"]
