import { Body, Controller, Post } from '@nestjs/common';
import { IsEmail, IsString, Matches, MaxLength } from 'class-validator';

import { UsersService } from './users.service';

export class CreateUserDto {
  @IsString()
  @Matches(/^[a-z0-9_]{3,30}$/)
  username!: string;

  @IsEmail()
  @MaxLength(254)
  email!: string;
}

@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }
}
