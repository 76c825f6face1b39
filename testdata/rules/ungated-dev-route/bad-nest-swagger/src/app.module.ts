import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { InvoicesController } from './invoices/invoices.controller';

// Single-module service: configuration plus the invoices endpoints.
@Module({
  imports: [ConfigModule.forRoot({ isGlobal: true })],
  controllers: [InvoicesController],
  providers: [],
})
export class AppModule {}
