// One load run for make bench (bench/bench.py starts it): autocannon sends requests over
// a fixed number of connections for a fixed time, or until `amount` requests have
// answered, and one line of JSON comes back on stdout.
//
// Input, as one JSON argument: {url, paths, connections, seconds, amount, headers}.
// `paths` are taken in turn on each connection. Latency percentiles are computed from
// every response (autocannon's own summary has no p95; see timeEachRequest), and the
// generator's own CPU time is reported, so a reader can see it was not the bottleneck.
"use strict";

const autocannon = require("autocannon");

const options = JSON.parse(process.argv[2]);
const latencies = [];
const started = process.cpuUsage();

const instance = autocannon(
  {
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers,
    requests: options.paths.map((path) => ({ method: "GET", path })),
    timeout: 30,
    setupClient: timeEachRequest,
  },
  (error, result) => {
    if (error) {
      console.error(String(error));
      process.exit(1);
    }
    const cpu = process.cpuUsage(started);
    latencies.sort((a, b) => a - b);
    const percentile = (share) =>
      latencies.length ? latencies[Math.max(0, Math.ceil(share * latencies.length) - 1)] : null;
    const seconds = result.duration;
    process.stdout.write(
      JSON.stringify({
        requests: result.requests.total,
        seconds,
        rps: result.requests.total / seconds,
        p50: percentile(0.5),
        p95: percentile(0.95),
        p99: percentile(0.99),
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        statusCodes: result.statusCodeStats,
        generatorCpuShare: (cpu.user + cpu.system) / 1e6 / seconds,
      }) + "\n",
    );
  },
);

// Latency is timed here, from the last request written on a connection to its answer.
// gunicorn's sync workers close the connection after every answer; autocannon then
// writes one request on the closing socket before it reconnects, and its own timer
// starts from that lost request, which adds up to seconds. (Its request counts are right.)
function timeEachRequest(client) {
  let sentAt = 0n;
  client.on("request", () => {
    sentAt = process.hrtime.bigint();
  });
  client.on("response", () => {
    latencies.push(Number(process.hrtime.bigint() - sentAt) / 1e6);
    if (options.amount && latencies.length >= options.amount) instance.stop();
  });
}
