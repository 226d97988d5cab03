"""A workload for a census: n of each class, kept alive by the result."""
from shop.inventory import Book, Grocery, Listener, Record
from shop.models import Address, Order, Point, User


def load_fixtures(n=1000):
    bus = []
    users = [User(i, "user%d" % i, "user%d@example.com" % i) for i in range(n)]
    orders = []
    for i, user in enumerate(users):
        order = Order(i, user)
        order.add("sku%d" % (i % 50), 1 + i % 3, 9.5)
        orders.append(order)
    return {
        "users": users,
        "orders": orders,
        "addresses": [Address("%d rue Neuve" % i, "Lyon", "69001") for i in range(n)],
        "points": [Point(i, -i) for i in range(n)],
        "books": [Book("b%d" % i, 12.0, "Title %d" % i, "Author") for i in range(n)],
        "groceries": [Grocery("g%d" % i, 2.5, "2025-01-01") for i in range(n)],
        "records": [Record(i, "x" * 10) for i in range(n)],
        "listeners": [Listener(bus) for _ in range(n)],
        "bus": bus,
    }
