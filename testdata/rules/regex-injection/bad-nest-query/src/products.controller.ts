import { Controller, Get, Query } from '@nestjs/common';

const catalogue = ['red shoes', 'blue hat'];

@Controller('products')
export class ProductsController {
  @Get()
  list(@Query('q') q: string) {
    const re = new RegExp(q, 'i'); // expect: regex-injection
    return catalogue.filter((p) => re.test(p));
  }
}
