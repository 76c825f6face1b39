import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

@Controller('status')
class StatusController {
  @Get()
  status() {
    return { ok: true, uptime: process.uptime() };
  }

  // "Which config did this pod get?" The answer includes every secret.
  @Get('runtime') // expect: ungated-dev-route
  runtime() {
    return process.env;
  }

  @Get('version')
  version() {
    return { version: process.env.APP_VERSION ?? 'dev' };
  }
}

@Module({ controllers: [StatusController] })
class AppModule {}

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.setGlobalPrefix('api');
  await app.listen(process.env.PORT ?? 3000);
}

bootstrap();
