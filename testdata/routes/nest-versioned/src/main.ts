import { Controller, Get, Module, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

// Version 1 is the default; the reports controller has a version 2 as well.
@Controller('users')
class UsersController {
  @Get()
  list() {
    return [];
  }
}

@Controller({ path: 'reports', version: '2' })
class ReportsV2Controller {
  @Get(':id')
  one() {
    return {};
  }
}

@Module({ controllers: [UsersController, ReportsV2Controller] })
class AppModule {}

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  await app.listen(3000);
}

void bootstrap();
