import { createLogger } from './logger.mjs';
import { app } from './app.mjs';

const logger = createLogger();

process.on('uncaughtException', async (err) => {
  logger.fatal(err);
  await logger.flush();
  process.exit(1);
});

app.listen(Number(process.env.PORT ?? 3000));
