// A Nest controller turns a bad JSON query parameter into a BadRequestException with the parse message.
import { BadRequestException, Controller, Get, Module, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

@Controller('search')
class SearchController {
  @Get()
  search(@Query('filter') filter: string) {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(filter ?? '{}');
    } catch (err) {
      throw new BadRequestException(`Invalid filter: ${(err as Error).message}`);
    }
    return { filter: parsed, results: [] };
  }
}

@Module({ controllers: [SearchController] })
class AppModule {}

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  await app.listen(3000);
}

bootstrap();
