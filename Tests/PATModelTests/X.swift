import PATModel
