import { BadRequestException, Controller, Get, Param } from '@nestjs/common';

import { OrdersService } from './orders.service';

const OBJECT_ID = /^[0-9a-f]{24}$/i;

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get(':id')
  findOne(@Param('id') id: string) {
    if (!OBJECT_ID.test(id)) throw new BadRequestException('invalid id');
    return this.orders.findById(id);
  }
}
