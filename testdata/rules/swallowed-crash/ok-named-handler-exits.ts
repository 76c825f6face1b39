import { createServer } from 'node:http';
import { logger } from './logger';

const server = createServer((_req, res) => {
  res.end('ok');
});

function crash(error: unknown): never {
  logger.fatal({ error }, 'fatal error, exiting');
  process.exit(1);
}

process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

server.listen(Number(process.env.PORT ?? 3000));
