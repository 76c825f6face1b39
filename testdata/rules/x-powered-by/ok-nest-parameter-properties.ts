import { NestFactory } from '@nestjs/core';
import { Logger, Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigModule, ConfigService } from '@nestjs/config';

@Module({ imports: [ConfigModule.forRoot()] })
class AppModule {}

// Express-level settings of the HTTP server, kept out of bootstrap() so the
// e2e tests can apply exactly the same ones.
class ExpressSettings {
  constructor(private readonly logger: Logger, app: NestExpressApplication) {
    app.disable('x-powered-by');
    app.set('trust proxy', 1);
    this.logger.log('express settings applied');
  }
}

async function bootstrap() {
  const app = await NestFactory.create<NestExpressApplication>(AppModule);
  const config = app.get(ConfigService);

  new ExpressSettings(new Logger('Bootstrap'), app);

  await app.listen(config.get<number>('PORT') ?? 3000);
}

bootstrap();
