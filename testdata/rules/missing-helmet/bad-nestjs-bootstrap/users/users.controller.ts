import { Controller, Get, Param, NotFoundException } from '@nestjs/common';

const USERS = [{ id: '1', name: 'Ada Lovelace' }];

@Controller('users')
export class UsersController {
  @Get()
  findAll() {
    return USERS;
  }

  @Get(':id')
  findOne(@Param('id') id: string) {
    const user = USERS.find((u) => u.id === id);
    if (!user) throw new NotFoundException();
    return user;
  }
}
