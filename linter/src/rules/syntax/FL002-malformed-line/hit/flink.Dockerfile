# The 1.18 image's docker-entrypoint.sh appends FLINK_PROPERTIES, set here by ENV, to flink-conf.yaml.
# Docker keeps `\n` inside double quotes as a backslash and an `n`: one line, without `: `.
FROM flink:1.18.1-java11
ENV FLINK_PROPERTIES="jobmanager.memory.process.size=1600m\ntaskmanager.memory.process.size=1600m" NOTE="fixture expect: FL002"
