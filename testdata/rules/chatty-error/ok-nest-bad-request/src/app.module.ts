// The root module.
import { Module } from '@nestjs/common';
import { ImportsController } from './imports/imports.controller';
import { ImportsService } from './imports/imports.service';

@Module({
  controllers: [ImportsController],
  providers: [ImportsService],
})
export class AppModule {}
