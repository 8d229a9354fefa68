# From the 1.19 image on docker-entrypoint.sh splits each FLINK_PROPERTIES line at its first `:`.
FROM flink:1.19.1-java11
ENV FLINK_PROPERTIES "taskmanager.numberOfTaskSlots:4"
