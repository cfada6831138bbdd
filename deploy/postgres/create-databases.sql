-- One database per service: they share no tables, only Kafka topics.
create database registry;
create database funding;
create database talent;
create database opendata;
