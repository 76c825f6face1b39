import { NestFactory } from '@nestjs/core';
import { INestApplication, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import helmet from 'helmet';

@Module({ imports: [ConfigModule.forRoot()] })
class AppModule {}

// Applies the HTTP hardening we want on every deployment. The config is kept
// for the CORS origin; the app itself is only needed while wiring things up.
class Hardening {
  constructor(private readonly config: ConfigService, app: INestApplication) {
    app.use(helmet());
    app.enableCors({ origin: this.config.get<string>('WEB_ORIGIN') });
  }
}

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  const config = app.get(ConfigService);

  new Hardening(config, app);

  app.setGlobalPrefix('api');
  await app.listen(config.get<number>('PORT') ?? 3000);
}

bootstrap();
