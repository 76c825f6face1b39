import { Controller, Get, Query } from '@nestjs/common';
import { Product } from './product.model';

// Nest on Express 4 parses the query string with qs: `?category[$ne]=x` is an object.
@Controller('products')
export class ProductsController {
  @Get()
  list(@Query('category') category: string) {
    return Product.find({ category }); // expect: nosql-injection
  }
}
