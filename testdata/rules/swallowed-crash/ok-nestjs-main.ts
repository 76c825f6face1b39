import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

const logger = new Logger('Bootstrap');

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableShutdownHooks();

  process.on('unhandledRejection', (reason: unknown) => {
    logger.error(`Unhandled rejection: ${String(reason)}`);
    void app.close().finally(() => process.exit(1));
  });

  await app.listen(process.env.PORT ?? 3000);
}

bootstrap().catch((err: unknown) => {
  logger.error(err);
  process.exit(1);
});
