import { Controller, Get, Param } from '@nestjs/common';
import { UsersService, type User } from './users.service';

@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  findAll(): User[] {
    return this.users.findAll();
  }

  @Get(':id')
  findOne(@Param('id') id: string): User {
    return this.users.findOne(id);
  }
}
