import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

class CreateInvoiceDto {
  customerId!: string;
  amountCents!: number;
}

@ApiTags('invoices')
@ApiBearerAuth()
@Controller('invoices')
export class InvoicesController {
  @Get(':id')
  findOne(@Param('id') id: string) {
    return { id, status: 'open' };
  }

  @Post()
  create(@Body() dto: CreateInvoiceDto) {
    return { id: 'inv_1', ...dto, status: 'draft' };
  }
}
