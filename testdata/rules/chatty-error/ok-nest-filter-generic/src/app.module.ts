// The root module; the filter is registered as a global APP_FILTER provider.
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AllExceptionsFilter } from './filters/all-exceptions.filter';
import { ReportsController } from './reports/reports.controller';

@Module({
  controllers: [ReportsController],
  providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
})
export class AppModule {}
