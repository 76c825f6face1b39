import { Controller, Get, Module, Param, Req } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

// Users of the API client publish mock servers for their collections: a
// product feature served in production, not a development artefact.
@Controller({ path: 'mock' })
class MockServerController {
  @Get(':subdomain/*')
  serve(@Param('subdomain') subdomain: string, @Req() req: { path: string }) {
    return { subdomain, path: req.path };
  }
}

@Module({ controllers: [MockServerController] })
class AppModule {}

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  await app.listen(3170);
}

bootstrap();
