"""Stock: a base class and its subclasses, and classes that cannot simply
take __slots__."""
import weakref


class Item:
    def __init__(self, sku, price):
        self.sku = sku
        self.price = price


class Book(Item):
    def __init__(self, sku, price, title, author):
        super().__init__(sku, price)
        self.title = title
        self.author = author


class Grocery(Item):
    def __init__(self, sku, price, best_before):
        super().__init__(sku, price)
        self.best_before = best_before


class Record:
    """Serialised through vars(self): needs a __dict__."""

    def __init__(self, key, payload):
        self.key = key
        self.payload = payload

    def to_dict(self):
        return dict(vars(self))


class Settings:
    """Attributes named at run time."""

    def __init__(self, **options):
        self.source = "defaults"
        for name, value in options.items():
            setattr(self, name, value)


class Listener:
    """Weakly referenced by the bus it listens to."""

    def __init__(self, bus):
        self.bus = bus
        self.seen = 0
        bus.append(weakref.ref(self))

    def notify(self):
        self.seen += 1


class Row:
    """Its attributes come from the data: they cannot be determined."""

    def __init__(self, **columns):
        self.__dict__.update(columns)


class Legacy:
    """Methods whose first parameter is not named self."""

    def __init__(this, code, label):
        this.code = code
        this.label = label


class OutOfStock(Exception):
    def __init__(self, sku):
        super().__init__(sku)
        self.sku = sku
