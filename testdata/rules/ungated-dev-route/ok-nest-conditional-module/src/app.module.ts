import { Module } from '@nestjs/common';
import { UsersModule } from './users/users.module';
import { DebugModule } from './debug/debug.module';

// DebugModule (cache inspection, database reset) is loaded only when a
// developer starts the service with NODE_ENV=development.
@Module({
  imports: [
    UsersModule,
    ...(process.env.NODE_ENV === 'development' ? [DebugModule] : []),
  ],
})
export class AppModule {}
