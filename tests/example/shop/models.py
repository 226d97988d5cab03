"""Customers, addresses and orders."""
import datetime
from collections import namedtuple
from dataclasses import dataclass, field
from typing import List, NamedTuple


class User:
    """A plain class with mixed values: an int, three strings, a datetime."""

    def __init__(self, uid, name, email, city="Lyon"):
        self.id = uid
        self.name = name
        self.email = email
        self.city = city
        self.created = datetime.datetime(2024, 1, 1)

    def rename(self, name):
        self.name = name


@dataclass
class Address:
    street: str
    city: str
    postcode: str
    country: str = "FR"


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Order:
    """An order and its lines (a nested class)."""

    class Line:
        def __init__(self, sku, quantity, price):
            self.sku = sku
            self.quantity = quantity
            self.price = price

    def __init__(self, number, user):
        self.number = number
        self.user = user
        self.lines: List["Order.Line"] = []
        self.total = 0

    def add(self, sku, quantity, price):
        self.lines.append(Order.Line(sku, quantity, price))
        self.total += quantity * price


Money = namedtuple("Money", "amount currency")


class Coordinate(NamedTuple):
    lat: float
    lon: float


@dataclass
class Basket:
    owner: User
    items: List[str] = field(default_factory=list)

    def __post_init__(self):
        self.opened = datetime.datetime(2024, 1, 1)


class Counter:
    """Counts through a class default: self.hits += 1 gives each instance
    its own hits, which __static_attributes__ does not list (an augmented
    assignment), and a bare annotation stores nothing."""

    hits = 0

    def __init__(self, name):
        self.name = name
        self.last: str

    def hit(self):
        self.hits += 1
