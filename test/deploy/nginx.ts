import { ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, connect } from "node:net";
import { join } from "node:path";

export const NGINX = "/usr/sbin/nginx";

/** The nginx server block of docs/DEPLOYMENT.md, as IT would paste it. */
export function documentedServerBlock(deploymentMd: string): string {
  const blocks = [...deploymentMd.matchAll(/```nginx\n([\s\S]*?)```/g)].map((m) => m[1]);
  if (blocks.length !== 1)
    throw new Error(`DEPLOYMENT.md has ${blocks.length} nginx blocks, not 1`);
  return blocks[0];
}

/** Replaces exactly one directive of the block; a documented block that changed shape fails. */
function replaceDirective(block: string, pattern: RegExp, by: string): string {
  const hits = block.match(new RegExp(pattern.source, "gm")) ?? [];
  if (hits.length !== 1) throw new Error(`${pattern} matches ${hits.length} lines of the block`);
  return block.replace(new RegExp(pattern.source, "m"), by);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.on("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

export interface RunningNginx {
  port: number;
  stop(): Promise<void>;
}

/**
 * nginx in the foreground (`daemon off;`) with the documented server block, on 127.0.0.1 and a
 * free port, over HTTPS with a throw-away certificate for `serverName`, serving `root`.
 */
export async function startNginx(opts: {
  prefix: string;
  root: string;
  serverBlock: string;
  serverName: string;
}): Promise<RunningNginx> {
  const { prefix, root } = opts;
  mkdirSync(join(prefix, "temp"), { recursive: true });
  const cert = join(prefix, "cert.pem");
  const key = join(prefix, "key.pem");
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        `/CN=${opts.serverName}`,
        "-addext",
        `subjectAltName=DNS:${opts.serverName}`,
        "-keyout",
        key,
        "-out",
        cert,
      ],
      { stdio: "pipe" }
    );
  } catch (e) {
    throw new Error(
      `openssl made no certificate for nginx (apt-get install -y openssl): ${(e as Error).message}`
    );
  }
  const port = await freePort();
  let server = opts.serverBlock;
  server = replaceDirective(server, /^\s*listen\s+443\s+ssl;/, `    listen 127.0.0.1:${port} ssl;`);
  server = replaceDirective(server, /^\s*ssl_certificate\s+\S+;/, `    ssl_certificate ${cert};`);
  server = replaceDirective(
    server,
    /^\s*ssl_certificate_key\s+\S+;/,
    `    ssl_certificate_key ${key};`
  );
  server = replaceDirective(server, /^\s*root\s+\S+;/, `    root ${root};`);
  const temp = (name: string) => `${name}_temp_path ${join(prefix, "temp", name)};`;
  const conf = join(prefix, "nginx.conf");
  writeFileSync(
    conf,
    [
      "daemon off;",
      "worker_processes 1;",
      `pid ${join(prefix, "nginx.pid")};`,
      `error_log ${join(prefix, "error.log")} warn;`,
      "events { worker_connections 64; }",
      "http {",
      "  include /etc/nginx/mime.types;",
      "  default_type application/octet-stream;",
      `  access_log ${join(prefix, "access.log")};`,
      `  ${["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(temp).join("\n  ")}`,
      server,
      "}",
      "",
    ].join("\n")
  );
  const child: ChildProcess = spawn(NGINX, ["-c", conf, "-p", prefix], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const log = () => {
    let errors = "";
    try {
      errors = readFileSync(join(prefix, "error.log"), "utf8");
    } catch {
      // nginx had not yet opened its log.
    }
    return `${output}${errors}`;
  };
  for (let tries = 0; !(await accepting(port)); tries++) {
    if (child.exitCode !== null || tries > 100) {
      child.kill();
      throw new Error(`nginx did not start:\n${log()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGQUIT");
        await exited;
      }
    },
  };
}
