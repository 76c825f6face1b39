import { NestFactory } from '@nestjs/core';
import { SeedModule } from './seeds/seed.module';
import { UserSeedService } from './seeds/user-seed.service';

// `npm run seed`: fills a fresh database with the demo users, then exits.
// The app is created for its dependency injection only; nothing listens.
const runSeed = async () => {
  const app = await NestFactory.create(SeedModule);

  await app.get(UserSeedService).run();

  await app.close();
};

void runSeed();
