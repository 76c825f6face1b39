import { Controller, Get, Param, Query } from '@nestjs/common';
import { Product } from './product.model';
import { nameFilter, prefixPattern } from '../common/search-filter';

@Controller('products')
export class ProductsController {
  @Get()
  async search(@Query('q') q: string) {
    return Product.find(nameFilter(q)).limit(50);
  }

  @Get('sku/:prefix')
  async bySku(@Param('prefix') prefix: string) {
    return Product.find({ sku: prefixPattern(prefix) });
  }
}
