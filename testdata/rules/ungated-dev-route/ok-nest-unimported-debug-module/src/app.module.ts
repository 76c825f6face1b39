import { Module } from '@nestjs/common';
import { UsersModule } from './users/users.module';

// The debug tools were taken out after the cache incident. Their module is
// still in the repository (src/debug) but nothing imports it any more.
@Module({
  imports: [
    UsersModule,
  ],
  controllers: [],
  providers: [],
})
export class AppModule {}
