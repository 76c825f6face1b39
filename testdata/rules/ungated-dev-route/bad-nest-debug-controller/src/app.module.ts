import { Module } from '@nestjs/common';
import { UsersModule } from './users/users.module';
import { DebugModule } from './debug/debug.module';

// DebugModule was added during the cache incident and never taken out: it is
// imported unconditionally, so /api/debug/* exists in every deployment.
@Module({
  imports: [
    UsersModule,
    DebugModule,
  ],
})
export class AppModule {}
