import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter()); // expect: missing-helmet
  app.enableCors();
  await app.listen(3000, '0.0.0.0');
}

void bootstrap();
