import { createServer } from 'node:http';
import { logger } from './logger';

const server = createServer((_req, res) => {
  res.end('ok');
});

process.addListener('uncaughtException', (error: Error) => { // expect: swallowed-crash
  logger.error('uncaught', { message: error.message, stack: error.stack });
});

server.listen(Number(process.env.PORT ?? 3000));
