import { Controller, Get, Module, NotFoundException, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

const products: { sku: string; name: string }[] = [];

@Controller('catalog')
class CatalogController {
  @Get('products')
  list() {
    return products;
  }

  // Loads the demo catalogue; looks like a missing route unless seeding was
  // switched on for this process.
  @Post('seed')
  seed() {
    if (process.env.ENABLE_SEED !== 'true') throw new NotFoundException();

    products.length = 0;
    products.push({ sku: 'MUG-01', name: 'Mug' }, { sku: 'TEE-02', name: 'T-shirt' });
    return { count: products.length };
  }
}

@Module({ controllers: [CatalogController] })
class AppModule {}

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  await app.listen(3000);
}

bootstrap();
