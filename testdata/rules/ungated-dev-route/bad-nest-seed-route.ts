import { Controller, Get, Module, Post, UseGuards } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';

const products: { sku: string; name: string }[] = [];

@Controller('catalog')
class CatalogController {
  @Get('products')
  list() {
    return products;
  }

  // Loads the demo catalogue. The JWT guard keeps strangers out, but the
  // endpoint is still deployed everywhere and wipes the real catalogue.
  @UseGuards(AuthGuard('jwt'))
  @Post('seed') // expect: ungated-dev-route
  seed() {
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
