import { Injectable, NotFoundException } from '@nestjs/common';

export interface User {
  id: number;
  name: string;
  email: string;
  team?: string;
}

export class CreateUserDto {
  name!: string;
  email!: string;
  team?: string;
}

export class UpdateUserDto {
  name?: string;
  email?: string;
  team?: string;
}

@Injectable()
export class UsersService {
  private readonly users: User[] = [
    { id: 1, name: 'Ada Lovelace', email: 'ada@example.test', team: 'platform' },
    { id: 2, name: 'Alan Turing', email: 'alan@example.test', team: 'research' },
  ];

  findAll(team?: string): User[] {
    return team ? this.users.filter((u) => u.team === team) : this.users;
  }

  findOne(id: number): User {
    const user = this.users.find((u) => u.id === id);
    if (!user) {
      throw new NotFoundException(`user ${id} not found`);
    }
    return user;
  }

  create(dto: CreateUserDto): User {
    const user = { id: this.users.length + 1, ...dto };
    this.users.push(user);
    return user;
  }

  update(id: number, dto: UpdateUserDto): User {
    return Object.assign(this.findOne(id), dto);
  }

  remove(id: number): void {
    this.users.splice(this.users.indexOf(this.findOne(id)), 1);
  }
}
