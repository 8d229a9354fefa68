# The official image with connectors added: its docker-entrypoint.sh stays the ENTRYPOINT.
FROM flink:1.20.1-scala_2.12
RUN mkdir -p /opt/flink/plugins/s3-fs-hadoop && cp /opt/flink/opt/flink-s3-fs-hadoop-*.jar /opt/flink/plugins/s3-fs-hadoop/
